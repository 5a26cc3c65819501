// Public API of the jose area (curated named re-exports).
export {};
