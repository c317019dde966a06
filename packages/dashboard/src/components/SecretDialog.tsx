import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { CopyField } from "./CopyField";

/**
 * Shows a new secret once. There is no way to see it again: closing the dialog loses it
 * for good, which the dialog says plainly.
 */
export function SecretDialog({ title, secret, onClose, children }: { title: string; secret: string | null; onClose: () => void; children?: ReactNode }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {secret !== null && (
        <Stack>
          <Alert color="orange" title="Copy your key now">
            This key cannot be shown again. Store it somewhere safe, such as your secret manager or a <Text span ff="monospace">.env</Text>{" "}
            file. If you lose it, rotate or create a new one.
          </Alert>
          <CopyField value={secret} label="API key" testId="secret-value" />
          {children}
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
