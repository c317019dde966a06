import { Type } from "typebox";

/** The registry dialect's error body, for the OpenAPI document. */
export const RegistryErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ["unauthorized"] }),
      message: Type.String({ examples: ["Invalid API key"] }),
      details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
      retry_after: Type.Optional(Type.Integer()),
    }),
  },
  { description: "An error in the registry dialect" },
);

export const RegistryErrorResponses = {
  400: RegistryErrorSchema,
  401: RegistryErrorSchema,
  403: RegistryErrorSchema,
  404: RegistryErrorSchema,
  409: RegistryErrorSchema,
  429: RegistryErrorSchema,
};
