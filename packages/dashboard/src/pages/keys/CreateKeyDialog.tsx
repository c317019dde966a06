import { Button, Checkbox, Group, Modal, Radio, Select, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { IssuedKey, Scope } from "../../api/types";
import { useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SecretDialog } from "../../components/SecretDialog";
import { CurlExample } from "./CurlExample";
import { DEFAULT_KEY_SCOPES, isScope, SCOPE_LABELS } from "./scopes";
import { useKeyMutations } from "./useKeyMutations";

const EXPIRY_CHOICES = [
  { value: "never", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
];

function expiryDate(choice: string): string | null {
  return choice === "never" ? null : new Date(Date.now() + Number(choice) * 86_400_000).toISOString();
}

/** "Create API Key": name, environment, scopes, expiry; then the new key, shown once. */
export function CreateKeyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const grantable = workspace.permissions.grantableScopes.filter(isScope);
  const { create } = useKeyMutations(workspace.id);
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<"live" | "test">("live");
  const [scopes, setScopes] = useState<Scope[]>(DEFAULT_KEY_SCOPES.filter((s) => grantable.includes(s)));
  const [expiry, setExpiry] = useState("never");
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [touched, setTouched] = useState(false);

  const reset = () => {
    setName("");
    setEnvironment("live");
    setScopes(DEFAULT_KEY_SCOPES.filter((s) => grantable.includes(s)));
    setExpiry("never");
    setTouched(false);
    create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === "" || scopes.length === 0) return;
    create.mutate(
      { name: name.trim(), environment, scopes, expiresAt: expiryDate(expiry) },
      {
        onSuccess: (key) => {
          onClose();
          reset();
          setIssued(key);
        },
      },
    );
  };

  return (
    <>
      <Modal
        opened={opened}
        onClose={() => {
          onClose();
          reset();
        }}
        title="Create API Key"
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Name"
              description="Say where the key is used, so you know what breaks if you revoke it."
              placeholder="Production Server"
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={touched && name.trim() === "" ? "Give the key a name" : undefined}
              maxLength={100}
            />
            <Radio.Group label="Environment" value={environment} onChange={(value) => setEnvironment(value === "test" ? "test" : "live")}>
              <Group mt="xs">
                <Radio value="live" label="Live (sk_live_…)" />
                <Radio value="test" label="Test (sk_test_…)" />
              </Group>
            </Radio.Group>
            <Checkbox.Group
              label="Scopes"
              description="What the key may do. Give it only what it needs."
              value={scopes}
              onChange={(values) => setScopes(values.filter(isScope))}
              error={touched && scopes.length === 0 ? "Choose at least one scope" : undefined}
            >
              <Stack gap="xs" mt="xs">
                {grantable.map((scope) => (
                  <Checkbox key={scope} value={scope} label={`${scope} — ${SCOPE_LABELS[scope]}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Select label="Expires" data={EXPIRY_CHOICES} value={expiry} onChange={(value) => setExpiry(value ?? "never")} allowDeselect={false} />
            <ErrorAlert error={create.error} title="Could not create the key" />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <SecretDialog title={issued ? `Your new key: ${issued.name}` : "Your new key"} secret={issued?.key ?? null} onClose={() => setIssued(null)}>
        {issued && <CurlExample />}
      </SecretDialog>
    </>
  );
}
