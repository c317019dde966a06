import { Code, Mark } from "@mantine/core";
import type { ReactNode } from "react";

// {{name}}, {{name:type}}, {{name:type // description}}
const VARIABLE = /\{\{\s*[A-Za-z_][\w.-]*\s*(?::[^}]*)?\}\}/g;

/** Splits a template into text and highlighted `{{variables}}`. */
export function highlightVariables(content: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of content.matchAll(VARIABLE)) {
    const start = match.index;
    if (start > last) parts.push(content.slice(last, start));
    parts.push(
      <Mark key={start} color="violet" px={2}>
        {match[0]}
      </Mark>,
    );
    last = start + match[0].length;
  }
  if (last < content.length) parts.push(content.slice(last));
  return parts;
}

/** The template as it reads, with its variables marked. */
export function HighlightedTemplate({ content, label }: { content: string; label: string }) {
  return (
    <Code block aria-label={label} style={{ whiteSpace: "pre-wrap", maxHeight: 360, overflow: "auto" }}>
      {content === "" ? " " : highlightVariables(content)}
    </Code>
  );
}
