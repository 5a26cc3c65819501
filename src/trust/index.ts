// Public API of the trust area (curated named re-exports).
export {};
