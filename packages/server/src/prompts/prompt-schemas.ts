import { Type } from "typebox";
import { PROMPT_SLUG_REGEX_SOURCE } from "./package-name.js";
import { PROMPT_LIMITS } from "./prompt-fields.js";

const NullableString = (options: Parameters<typeof Type.String>[0] = {}) => Type.Union([Type.String(options), Type.Null()]);

export const VariableSchema = Type.Object(
  {
    name: Type.String({ examples: ["name"] }),
    type: Type.Union([Type.Literal("string"), Type.Literal("number"), Type.Literal("boolean"), Type.Literal("array"), Type.Literal("object")]),
    description: NullableString(),
  },
  { description: "A variable the content declares: {{name}}, {{name:type}} or {{name:type // description}}" },
);

export const UrlContextItemSchema = Type.Object({
  id: Type.String({ examples: ["ctx_3kTMd0Cq1l8SzU9bV2xw7a"] }),
  type: Type.Literal("url"),
  label: Type.String(),
  url: Type.String(),
});

export const FileContextItemSchema = Type.Object({
  id: Type.String({ examples: ["ctx_3kTMd0Cq1l8SzU9bV2xw7a"] }),
  type: Type.Literal("file"),
  label: Type.String(),
  fileName: Type.String(),
  fileSize: Type.Integer({ description: "Bytes" }),
  mimeType: Type.String(),
});

export const ContextItemSchema = Type.Union([UrlContextItemSchema, FileContextItemSchema], {
  description: "A url, or a file downloaded through GET /v1/prompts/context/{contextId}/download-url",
});

export const PromptSchema = Type.Object(
  {
    id: Type.String({ examples: ["pr_3kTMd0Cq1l8SzU9bV2xw7a"] }),
    title: Type.String(),
    slug: Type.String({ examples: ["welcome"] }),
    content: Type.String({ description: "Rendered when the request gave variables" }),
    systemPrompt: NullableString(),
    critiquePrompt: NullableString(),
    description: NullableString(),
    category: NullableString(),
    tags: Type.Array(Type.String()),
    version: Type.String({ examples: ["v1"], description: "v0 is the draft; v1… are published and immutable" }),
    workspaceSlug: Type.String({ examples: ["acme"] }),
    packageName: Type.String({ examples: ["@acme/welcome:v1"] }),
    metadata: Type.Object({
      createdAt: Type.String({ format: "date-time" }),
      publishedAt: NullableString({ format: "date-time" }),
    }),
    variables: Type.Array(VariableSchema),
    contextItems: Type.Array(ContextItemSchema),
  },
  { description: "A prompt at one version" },
);

export const PromptListSchema = Type.Object({
  prompts: Type.Array(PromptSchema, { description: "Each prompt at its latest published version, or its draft (v0) before the first publish" }),
  cursor: NullableString({ description: "Pass as `cursor` for the next page; null on the last page" }),
  hasMore: Type.Boolean(),
});

export const ListPromptsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const GetPromptBody = Type.Object(
  {
    package_name: Type.String({ maxLength: 200, examples: ["@acme/welcome:v1"], description: "@workspace/slug[:version]; no version means the latest published" }),
    variables: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "Values for the content's variables; each is checked against its declared type. Names the content does not declare are ignored.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const PackageNameParams = Type.Object({
  packageName: Type.String({ maxLength: 200, description: "URL-encoded package name, e.g. %40acme%2Fwelcome%3Av1" }),
});

export const ScopedPackageParams = Type.Object({
  workspace: Type.String({ maxLength: 60, examples: ["@acme"] }),
  name: Type.String({ maxLength: 100, examples: ["welcome:v1"] }),
});

export const SlugParams = Type.Object({ slug: Type.String({ pattern: PROMPT_SLUG_REGEX_SOURCE, maxLength: 64 }) });

const authored = {
  title: Type.String({ minLength: 1, maxLength: PROMPT_LIMITS.title }),
  content: Type.String({ minLength: 1, maxLength: PROMPT_LIMITS.content }),
  systemPrompt: Type.Optional(NullableString({ maxLength: PROMPT_LIMITS.systemPrompt })),
  critiquePrompt: Type.Optional(NullableString({ maxLength: PROMPT_LIMITS.critiquePrompt })),
  description: Type.Optional(NullableString({ maxLength: PROMPT_LIMITS.description })),
  category: Type.Optional(NullableString({ maxLength: PROMPT_LIMITS.category })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: PROMPT_LIMITS.tag }), { maxItems: PROMPT_LIMITS.tags })),
};

export const CreatePromptBody = Type.Object(
  { slug: Type.String({ pattern: PROMPT_SLUG_REGEX_SOURCE, maxLength: 64, examples: ["welcome"] }), ...authored },
  { additionalProperties: false },
);

export const UpdateDraftBody = Type.Object(
  {
    ...authored,
    title: Type.Optional(authored.title),
    content: Type.Optional(authored.content),
  },
  { additionalProperties: false, minProperties: 1, description: "Fields left out keep their value; null clears an optional field" },
);
