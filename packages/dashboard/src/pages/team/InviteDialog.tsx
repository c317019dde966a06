import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap } from "../../api/client";
import type { Role } from "../../api/types";
import { useWorkspace } from "../../app/session";
import { CopyField } from "../../components/CopyField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { roleChoices } from "./roles";

/** Invite by email: answers a single-use link (valid 7 days) to send to the person. */
export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const invite = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/console/workspaces/{workspaceId}/invitations", { params: { path: { workspaceId: workspace.id } }, body: { email, role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["team", workspace.id] }),
  });
  const close = () => {
    setEmail("");
    setRole("member");
    invite.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <Modal opened={opened} onClose={close} title="Invite a member" size="lg">
      {invite.data ? (
        <Stack>
          <Alert color="green" title={`Invitation for ${invite.data.invitation.email}`}>
            Send this link to them. It works once, for that email address, until{" "}
            {new Date(invite.data.invitation.expiresAt).toLocaleDateString("en")}. It is not shown again.
          </Alert>
          <CopyField value={invite.data.inviteUrl} label="invitation link" testId="invite-url" />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Email" type="email" required data-autofocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Select
              label="Role"
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              data={roleChoices(workspace.role)}
            />
            <Text size="xs" c="dimmed">
              Each member creates their own keys; a key can never do more than its creator's role allows.
            </Text>
            <ErrorAlert error={invite.error} title="Could not invite" />
            <Group justify="flex-end">
              <Button type="submit" loading={invite.isPending} disabled={!email}>
                Create invitation link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
