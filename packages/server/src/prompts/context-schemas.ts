import { Type } from "typebox";
import { CONTEXT_LIMITS } from "./context-input.js";
import { MAX_DOWNLOAD_TTL_SECONDS } from "./context-service.js";
import { PROMPT_SLUG_REGEX_SOURCE } from "./package-name.js";

/** One body for both kinds, so a mistake is reported by field rather than as "matches no schema". */
export const AddContextItemBody = Type.Object(
  {
    type: Type.Union([Type.Literal("url"), Type.Literal("file")]),
    label: Type.Optional(Type.String({ maxLength: CONTEXT_LIMITS.label, description: "Defaults to the url or the file name" })),
    url: Type.Optional(Type.String({ maxLength: CONTEXT_LIMITS.url, description: "type url: an http or https URL" })),
    fileName: Type.Optional(Type.String({ maxLength: CONTEXT_LIMITS.fileName, description: "type file: the file's name" })),
    mimeType: Type.Optional(Type.String({ maxLength: CONTEXT_LIMITS.mimeType, description: "type file: default application/octet-stream" })),
    contentBase64: Type.Optional(Type.String({ description: "type file: the bytes, standard base64, at most 5 MB decoded" })),
  },
  { additionalProperties: false },
);

export const ContextItemParams = Type.Object({
  slug: Type.String({ pattern: PROMPT_SLUG_REGEX_SOURCE, maxLength: 64 }),
  contextId: Type.String({ maxLength: 64 }),
});

export const ContextIdParams = Type.Object({ contextId: Type.String({ maxLength: 64 }) });

export const DownloadUrlQuery = Type.Object(
  {
    expiresIn: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DOWNLOAD_TTL_SECONDS, default: 300, description: "Seconds (default 300)" })),
  },
  { additionalProperties: false },
);

export const DownloadLinkSchema = Type.Object({
  url: Type.String({ description: "Works without an API key until it expires" }),
  expiresIn: Type.Integer({ description: "Seconds the link stays valid", examples: [300] }),
});

export const DownloadQuery = Type.Object({
  expires: Type.Integer({ minimum: 0 }),
  signature: Type.String({ maxLength: 128 }),
});
