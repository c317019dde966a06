import { Alert, List } from "@mantine/core";
import { ApiError } from "../api/client";

/** Shows what went wrong, in the server's words, with the fields it names. */
export function ErrorAlert({ error, title = "Something went wrong" }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      {details.length > 1 && (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={`${d.field}:${d.message}`}>
              {d.field} {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
