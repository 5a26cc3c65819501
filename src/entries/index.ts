// Public API of the entries area (curated named re-exports).
export {};
