import { Type } from "typebox";
import { ENGINES } from "./engines.js";

export const MAX_PROMPT_LENGTH = 10_000;
export const MAX_BRANDS = 50;

const requestFields = {
  prompt: Type.String({ minLength: 1, maxLength: MAX_PROMPT_LENGTH, description: "What to ask the engine" }),
  country: Type.Optional(Type.String({ pattern: "^[A-Za-z]{2}$", description: "ISO 3166 alpha-2 country the answer is for (default US)", examples: ["US"] })),
  brands: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: MAX_BRANDS, description: "Brand names to find in the answer" }),
  ),
};

export const EngineSchema = Type.Enum([...ENGINES], { description: "The AI engine to ask" });

export const MonitorBody = Type.Object({ ...requestFields, model: EngineSchema }, { additionalProperties: false });

export const EngineMonitorBody = Type.Object(requestFields, { additionalProperties: false });

export const EngineParams = Type.Object({
  engine: Type.Enum(
    ENGINES.map((engine) => engine.toLowerCase()),
    { description: "The engine, lower case" },
  ),
});

const SourceSchema = Type.Object({
  position: Type.Integer({ minimum: 1 }),
  url: Type.String(),
  label: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
});

const MentionSchema = Type.Object({
  brand: Type.String(),
  count: Type.Integer(),
  firstPosition: Type.Union([Type.Integer(), Type.Null()], { description: "Offset of the first mention in `text`" }),
  sentences: Type.Array(Type.String()),
});

export const MonitorResultSchema = Type.Object({
  text: Type.String(),
  markdown: Type.String(),
  model: EngineSchema,
  sources: Type.Array(SourceSchema),
  mentions: Type.Array(MentionSchema),
});

export const MonitorResponseSchema = Type.Object({ success: Type.Literal(true), result: MonitorResultSchema });

/** The monitor dialect's error body, for the OpenAPI document. */
export const MonitorErrorSchema = Type.Object(
  {
    success: Type.Literal(false),
    error: Type.String({ examples: ["Invalid or missing API key"] }),
    retry_after: Type.Optional(Type.Integer()),
  },
  { description: "An error in the monitor dialect" },
);

export const MonitorErrorResponses = {
  400: MonitorErrorSchema,
  401: MonitorErrorSchema,
  403: MonitorErrorSchema,
  429: MonitorErrorSchema,
  502: MonitorErrorSchema,
  503: MonitorErrorSchema,
};
