import { Type } from "typebox";
import { EngineSchema, EngineMonitorBody, MonitorErrorResponses, MonitorResultSchema } from "../monitor/index.js";

export const MAX_BATCH_TASKS = 500;

export const CreateTaskBody = Type.Object(
  {
    taskType: EngineSchema,
    payload: EngineMonitorBody,
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 1, description: "1 (lowest) to 10" })),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    webhook: Type.Optional(Type.Object({ url: Type.String({ pattern: "^https?://", maxLength: 2_000 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const BatchBody = Type.Object(
  { tasks: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH_TASKS }) },
  { additionalProperties: false },
);

export const TaskParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const TaskSchema = Type.Object({
  id: Type.String({ examples: ["task_3kTMd0Cq1l8SzU9bV2xw7a"] }),
  status: Type.Enum(["QUEUED", "PROCESSING", "COMPLETED", "FAILED"]),
  taskType: EngineSchema,
  priority: Type.Integer(),
  idempotencyKey: Nullable(Type.String()),
  createdAt: Type.String({ format: "date-time" }),
  completedAt: Nullable(Type.String({ format: "date-time" })),
  response: Type.Union([MonitorResultSchema, Type.Null()]),
  error: Nullable(Type.String()),
});

export const TaskEnvelope = Type.Object({ success: Type.Literal(true), task: TaskSchema });

export const BatchEnvelope = Type.Object({
  success: Type.Literal(true),
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      success: Type.Boolean(),
      task: Type.Optional(TaskSchema),
      error: Type.Optional(Type.String()),
    }),
  ),
});

export const StatusEnvelope = Type.Object({
  success: Type.Literal(true),
  queue: Type.Object({ queued: Type.Integer(), processing: Type.Integer() }, { description: "The workspace's tasks waiting and running" }),
  concurrency: Type.Object({ used: Type.Integer(), max: Type.Integer() }, { description: "Tasks this instance runs at once" }),
});

export const TaskErrorResponses = { ...MonitorErrorResponses, 404: MonitorErrorResponses[400], 409: MonitorErrorResponses[400] };

export const WebhookSecretEnvelope = Type.Object({
  success: Type.Literal(true),
  secret: Type.String({ description: "Verify the keyward-signature header of webhooks with it", examples: ["whsec_…"] }),
});
