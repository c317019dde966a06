import { Alert, Badge, Button, Group, Loader, Menu, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { ConsoleKey, KeyQuery } from "../../api/types";
import { formatDate, formatRelative } from "../../app/format";
import { useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { CurlExample } from "./CurlExample";
import { KeyActionDialogs, type KeyAction } from "./KeyActionDialogs";
import { keysQueryKey } from "./useKeyMutations";

const STATUS_COLORS = { active: "green", revoked: "red", expired: "gray" } as const;

function KeyStatusCell({ keyRow }: { keyRow: ConsoleKey }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLORS[keyRow.status]} variant="light">
        {keyRow.status}
      </Badge>
      {keyRow.status === "active" && keyRow.replacedByKeyId !== null && (
        <Badge color="gray" variant="outline" title="Rotated: this key ends when its grace period is over">
          replaced
        </Badge>
      )}
      {keyRow.rotateRecommended && (
        <Badge color="orange" variant="outline" title="Older than 90 days">
          rotate recommended
        </Badge>
      )}
      {keyRow.unused && (
        <Badge color="gray" variant="outline" title="Not used for 30 days">
          unused
        </Badge>
      )}
    </Group>
  );
}

function RowActions({ keyRow, onAction }: { keyRow: ConsoleKey; onAction: (action: KeyAction) => void }) {
  if (!keyRow.canManage) return null;
  const active = keyRow.status === "active";
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={`Actions for ${keyRow.name}`}>
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction({ kind: "rename", key: keyRow })}>Rename</Menu.Item>
        <Menu.Item disabled={!active || keyRow.replacedByKeyId !== null} onClick={() => onAction({ kind: "rotate", key: keyRow })}>
          Rotate
        </Menu.Item>
        <Menu.Item color="red" disabled={keyRow.revokedAt !== null} onClick={() => onAction({ kind: "revoke", key: keyRow })}>
          Revoke
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function FirstKeyEmptyState({ canCreate, onCreate }: { canCreate: boolean; onCreate: () => void }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="flex-start" maw={640}>
        <Title order={2} size="h3">
          {canCreate ? "Create your first API key" : "No API keys yet"}
        </Title>
        <Text c="dimmed">
          Keys authenticate your servers and scripts to this workspace. Give each one a descriptive name, copy it when it is shown (it is shown
          once), and keep it out of your code and git.
        </Text>
        {canCreate ? (
          <Button onClick={onCreate}>Create API Key</Button>
        ) : (
          <Text size="sm">Your role cannot create keys; ask an owner or admin.</Text>
        )}
        <CurlExample />
      </Stack>
    </Paper>
  );
}

/** API Keys: the table, its search and filters, and every key action. */
export function KeysPage() {
  const workspace = useWorkspace();
  const [createOpened, createDialog] = useDisclosure(false);
  const [action, setAction] = useState<KeyAction>(null);
  const [search, setSearch] = useState("");
  const [environment, setEnvironment] = useState("all");
  const [status, setStatus] = useState<string | null>("all");
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const query: KeyQuery = {};
  if (debouncedSearch.trim()) query.search = debouncedSearch.trim();
  if (environment === "live" || environment === "test") query.environment = environment;
  if (status === "active" || status === "revoked" || status === "expired") query.status = status;
  const keys = useQuery({
    queryKey: [...keysQueryKey(workspace.id), query],
    queryFn: () => unwrap(api.GET("/api/console/workspaces/{workspaceId}/keys", { params: { path: { workspaceId: workspace.id }, query } })),
    placeholderData: keepPreviousData,
  });
  const canCreate = workspace.permissions.createKeys;

  return (
    <>
      <PageHeader
        title="API Keys"
        description="Secret keys for this workspace. Rotate keys older than 90 days and revoke the ones nobody uses."
        actions={
          canCreate ? (
            <Button onClick={createDialog.open}>Create API Key</Button>
          ) : (
            <Text size="sm" c="dimmed">
              Viewers cannot create keys
            </Text>
          )
        }
      />
      {keys.isPending && <Loader aria-label="Loading keys" />}
      <ErrorAlert error={keys.error} title="Could not load keys" />
      {keys.data && keys.data.total === 0 && <FirstKeyEmptyState canCreate={canCreate} onCreate={createDialog.open} />}
      {keys.data && keys.data.total > 0 && (
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Search" placeholder="Name, hint or id" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="environment-filter-label">
                Environment
              </Text>
              <SegmentedControl
                aria-labelledby="environment-filter-label"
                value={environment}
                onChange={setEnvironment}
                data={[
                  { value: "all", label: "All" },
                  { value: "live", label: "Live" },
                  { value: "test", label: "Test" },
                ]}
              />
            </Stack>
            <Select
              label="Status"
              value={status}
              onChange={setStatus}
              allowDeselect={false}
              w={160}
              data={[
                { value: "all", label: "Any" },
                { value: "active", label: "Active" },
                { value: "revoked", label: "Revoked" },
                { value: "expired", label: "Expired" },
              ]}
            />
          </Group>
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Key</Table.Th>
                  <Table.Th scope="col">Environment</Table.Th>
                  <Table.Th scope="col">Scopes</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">Expires</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.keys.map((keyRow) => (
                  <Table.Tr key={keyRow.id} data-testid={`key-row-${keyRow.id}`}>
                    <Table.Td>
                      <Text fw={500}>{keyRow.name}</Text>
                      {keyRow.createdByName && (
                        <Text size="xs" c="dimmed">
                          by {keyRow.createdByName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm" style={{ whiteSpace: "nowrap" }}>
                        {keyRow.hint}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={keyRow.environment === "live" ? "blue" : "grape"}>
                        {keyRow.environment}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{keyRow.scopes.join(", ")}</Text>
                    </Table.Td>
                    <Table.Td>{formatDate(keyRow.createdAt)}</Table.Td>
                    <Table.Td>{formatRelative(keyRow.lastUsedAt)}</Table.Td>
                    <Table.Td>{keyRow.expiresAt ? formatRelative(keyRow.expiresAt) : "Never"}</Table.Td>
                    <Table.Td>
                      <KeyStatusCell keyRow={keyRow} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions keyRow={keyRow} onAction={setAction} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {keys.data.keys.length === 0 && <Alert color="gray">No key matches these filters.</Alert>}
        </Stack>
      )}
      <CreateKeyDialog opened={createOpened} onClose={createDialog.close} />
      <KeyActionDialogs action={action} workspaceId={workspace.id} onClose={() => setAction(null)} />
    </>
  );
}
