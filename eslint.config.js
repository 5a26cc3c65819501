// Static ReDoS check (`npm run lint:regex`, run in CI): every regular expression in src/ must
// match in linear time. eslint-plugin-regexp analyses regex literals and `new RegExp(...)` with
// constant sources (template literals over constant strings included) and reports patterns whose
// backtracking or matching position can grow super-linearly with the input.
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
    },
  },
];
