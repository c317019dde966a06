import { Badge, Button, Divider, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap } from "../../api/client";
import { formatDateTime, formatRelative } from "../../app/format";
import { SESSION_QUERY_KEY, useForgetSession, useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { NewWorkspaceForm } from "./NewWorkspaceForm";

const SUBSCRIPTION_COLORS = { active: "green", past_due: "orange", canceled: "red" } as const;

function WorkspaceSettings() {
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const rename = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/console/workspaces/{workspaceId}", { params: { path: { workspaceId: workspace.id } }, body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          Workspace
        </Title>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              readOnly={!workspace.permissions.editSettings}
              w={320}
            />
            {workspace.permissions.editSettings && (
              <Button type="submit" loading={rename.isPending} disabled={name.trim() === "" || name === workspace.name}>
                Save name
              </Button>
            )}
          </Group>
        </form>
        <ErrorAlert error={rename.error} title="Could not rename" />
        <Text size="sm">
          Slug: <Text span ff="monospace">@{workspace.slug}</Text> (part of every package name; it does not change)
        </Text>
        <Group gap="xs">
          <Text size="sm">Subscription:</Text>
          <Badge color={SUBSCRIPTION_COLORS[workspace.subscriptionStatus]}>{workspace.subscriptionStatus.replace("_", " ")}</Badge>
          <Text size="sm">Plan: {workspace.plan}</Text>
        </Group>
        {workspace.subscriptionStatus !== "active" && (
          <Text size="sm" c="red">
            While the subscription is not active, every key of this workspace is answered with 403.
          </Text>
        )}
        <Text size="sm">Your role: {workspace.role}</Text>
      </Stack>
    </Paper>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => unwrap(api.POST("/api/console/session/password", { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent("");
      setNew("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={360}>
        <Title order={3} size="h4">
          Change password
        </Title>
        <PasswordInput label="Current password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} />
        <PasswordInput
          label="New password"
          description="At least 8 characters. Your other sessions are signed out."
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
        />
        <ErrorAlert error={change.error} title="Could not change the password" />
        {change.isSuccess && <Text c="green" size="sm">Password changed.</Text>}
        <Button type="submit" loading={change.isPending} disabled={!currentPassword || newPassword.length < 8}>
          Change password
        </Button>
      </Stack>
    </form>
  );
}

function ActiveSessions() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: () => unwrap(api.GET("/api/console/session/sessions")) });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => unwrap(api.DELETE("/api/console/session/sessions/{sessionId}", { params: { path: { sessionId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });
  const forget = useForgetSession();
  const everywhere = useMutation({ mutationFn: () => unwrap(api.POST("/api/console/session/sign-out-everywhere")), onSettled: forget });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          Active sessions
        </Title>
        <Button variant="light" color="red" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
          Sign out everywhere
        </Button>
      </Group>
      <ErrorAlert error={sessions.error ?? revoke.error} title="Could not load sessions" />
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Browser</Table.Th>
            <Table.Th scope="col">IP</Table.Th>
            <Table.Th scope="col">Signed in</Table.Th>
            <Table.Th scope="col">Last active</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data?.sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <Text size="xs" lineClamp={1} maw={320}>
                  {session.userAgent ?? "Unknown"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {session.ip ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
              <Table.Td>{formatRelative(session.lastSeenAt)}</Table.Td>
              <Table.Td>
                {session.current ? (
                  <Badge variant="light">This browser</Badge>
                ) : (
                  <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(session.id)}>
                    Sign out
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Settings: the workspace (name, subscription) and your own account (password, sessions). */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Stack gap="lg">
        <WorkspaceSettings />
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Title order={2} size="h3">
              Your account
            </Title>
            <ChangePassword />
            <Divider />
            <ActiveSessions />
          </Stack>
        </Paper>
        <NewWorkspaceForm />
      </Stack>
    </>
  );
}
