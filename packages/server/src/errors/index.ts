export { ERROR_CATALOG, type ErrorCode, type Dialect } from "./catalog.js";
export { ApiError, isApiError, type FieldProblem } from "./api-error.js";
export { renderError, type RenderedError } from "./render-error.js";
