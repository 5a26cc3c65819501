// Public API of the present area (curated named re-exports).
export {};
