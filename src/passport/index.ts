// Public API of the passport area (curated named re-exports).
export {};
