import { Button, Code, CopyButton, Group, VisuallyHidden } from "@mantine/core";

/** A value in monospace with a Copy button (keys, links, commands). */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button variant="light" color={copied ? "teal" : "blue"} onClick={copy}>
            {copied ? "Copied" : "Copy"}
            <VisuallyHidden> {label}</VisuallyHidden>
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
