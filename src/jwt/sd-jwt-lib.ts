// @sd-jwt/sd-jwt-vc, imported dynamically by sd-jwt-instance.ts: the build emits this as a separate
// chunk, so the library's import does not load it (~90 ms in Node, with its own zod).
export { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
