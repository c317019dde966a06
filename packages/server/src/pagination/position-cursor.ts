import { ApiError } from "../errors/index.js";

export interface ListPosition {
  createdAt: number;
  id: string;
}

/** An opaque cursor: the position (created_at, id) of the last item of a page, for any newest-first list. */
export function encodePositionCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString("base64url");
}

export function decodePositionCursor(cursor: string): ListPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && Number.isSafeInteger(decoded[0]) && typeof decoded[1] === "string") {
      return { createdAt: decoded[0] as number, id: decoded[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new ApiError("validation_error", {
    message: "cursor is not a cursor this API returned",
    details: [{ field: "cursor", message: "is invalid" }],
  });
}
