import { ApiError } from "../errors/index.js";
import { countryNameOrNull } from "./engine-answer.js";

/** A monitor request body as the schema admits it. */
export interface MonitorInput {
  prompt: string;
  country?: string | undefined;
  brands?: string[] | undefined;
}

/**
 * Checks what the schema cannot say (a blank prompt, a country code that names no country)
 * and fills the defaults: country `US`, no brands. `field` prefixes the field names
 * (`payload.` for tasks).
 *
 * @example normalizeMonitorInput({ prompt: "Best CRM?", country: "de" }) // { prompt, country: "DE", brands: [] }
 */
export function normalizeMonitorInput(input: MonitorInput, field = ""): { prompt: string; country: string; brands: string[] } {
  if (input.prompt.trim() === "") {
    throw new ApiError("validation_error", { message: `${field}prompt must not be blank`, details: [{ field: `${field}prompt`, message: "must not be blank" }] });
  }
  const country = (input.country ?? "US").toUpperCase();
  if (countryNameOrNull(country) === null) {
    throw new ApiError("validation_error", {
      message: `${field}country must be an ISO 3166 alpha-2 country code, e.g. US`,
      details: [{ field: `${field}country`, message: "is not an ISO 3166 alpha-2 code" }],
    });
  }
  return { prompt: input.prompt, country, brands: input.brands ?? [] };
}
