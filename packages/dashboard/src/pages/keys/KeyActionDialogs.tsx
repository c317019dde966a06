import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { ConsoleKey, RotatedKey } from "../../api/types";
import { formatDateTime } from "../../app/format";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SecretDialog } from "../../components/SecretDialog";
import { useKeyMutations } from "./useKeyMutations";

export type KeyAction = { kind: "rename" | "rotate" | "revoke"; key: ConsoleKey } | null;

const GRACE_CHOICES = [
  { value: "0", label: "Now: the old key stops working at once" },
  { value: "3600", label: "In 1 hour" },
  { value: "86400", label: "In 24 hours" },
  { value: "604800", label: "In 7 days" },
] as const;

function RenameForm({ keyRow, workspaceId, onDone }: { keyRow: ConsoleKey; workspaceId: string; onDone: () => void }) {
  const { rename } = useKeyMutations(workspaceId);
  const [name, setName] = useState(keyRow.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== "") rename.mutate({ keyId: keyRow.id, name: name.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} />
        <ErrorAlert error={rename.error} title="Could not rename" />
        <Group justify="flex-end">
          <Button type="submit" loading={rename.isPending} disabled={name.trim() === ""}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RotateForm({ keyRow, workspaceId, onRotated }: { keyRow: ConsoleKey; workspaceId: string; onRotated: (key: RotatedKey) => void }) {
  const { rotate } = useKeyMutations(workspaceId);
  const [grace, setGrace] = useState<string>("86400");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gracePeriodSeconds = Number(grace) as 0 | 3600 | 86400 | 604800;
    rotate.mutate({ keyId: keyRow.id, gracePeriodSeconds }, { onSuccess: onRotated });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          A new key replaces <strong>{keyRow.name}</strong> ({keyRow.hint}) with the same scopes. Deploy it, then let the old one end.
        </Text>
        <Radio.Group label="When should the old key stop working?" value={grace} onChange={setGrace}>
          <Stack gap="xs" mt="xs">
            {GRACE_CHOICES.map((choice) => (
              <Radio key={choice.value} value={choice.value} label={choice.label} />
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={rotate.error} title="Could not rotate" />
        <Group justify="flex-end">
          <Button type="submit" loading={rotate.isPending}>
            Rotate key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeForm({ keyRow, workspaceId, onDone }: { keyRow: ConsoleKey; workspaceId: string; onDone: () => void }) {
  const { revoke } = useKeyMutations(workspaceId);
  const [typed, setTyped] = useState("");
  const matches = typed === keyRow.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) revoke.mutate(keyRow.id, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Alert color="red" title="This cannot be undone">
          Every request with {keyRow.hint} will be refused with 401 from now on.
        </Alert>
        <TextInput
          label={`Type the key's name, ${keyRow.name}, to confirm`}
          data-autofocus
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
        />
        <ErrorAlert error={revoke.error} title="Could not revoke" />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={revoke.isPending} disabled={!matches}>
            Revoke key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The row actions' dialogs: rename, rotate (with a grace period; shows the new key once), revoke (type the name). */
export function KeyActionDialogs({ action, workspaceId, onClose }: { action: KeyAction; workspaceId: string; onClose: () => void }) {
  const [rotated, setRotated] = useState<RotatedKey | null>(null);
  const titles = { rename: "Rename key", rotate: "Rotate key", revoke: "Revoke key" };
  return (
    <>
      <Modal opened={action !== null} onClose={onClose} title={action ? titles[action.kind] : ""} size="lg">
        {action?.kind === "rename" && <RenameForm keyRow={action.key} workspaceId={workspaceId} onDone={onClose} />}
        {action?.kind === "rotate" && (
          <RotateForm
            keyRow={action.key}
            workspaceId={workspaceId}
            onRotated={(key) => {
              onClose();
              setRotated(key);
            }}
          />
        )}
        {action?.kind === "revoke" && <RevokeForm keyRow={action.key} workspaceId={workspaceId} onDone={onClose} />}
      </Modal>
      <SecretDialog title={rotated ? `New key for ${rotated.name}` : "New key"} secret={rotated?.key ?? null} onClose={() => setRotated(null)}>
        {rotated && (
          <Text size="sm" data-testid="old-key-ends">
            The old key keeps working until {formatDateTime(rotated.oldKeyExpiresAt)}.
          </Text>
        )}
      </SecretDialog>
    </>
  );
}
