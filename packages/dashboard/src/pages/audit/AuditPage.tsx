import { Button, Code, Group, Loader, Select, Table, Text, TextInput } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { AuditEntry, AuditQuery } from "../../api/types";
import { formatDateTime } from "../../app/format";
import { useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";

type AuditAction = NonNullable<AuditQuery["action"]>;

function actorText(entry: AuditEntry): string {
  if (entry.actor.type === "cli") return "CLI";
  if (entry.actor.type === "system") return "Keyward";
  const who = entry.actor.label ?? entry.actor.id ?? "unknown";
  return entry.actor.type === "key" ? `Key ${who}` : who;
}

function detailsText(entry: AuditEntry): string {
  const parts = Object.entries(entry.metadata).map(([field, value]) => `${field}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  return parts.join(" · ");
}

/** Audit log: who did what and when, from which IP; filterable, newest first, append-only. */
export function AuditPage() {
  const workspace = useWorkspace();
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filters: AuditQuery = {
    ...(action ? { action: action as AuditAction } : {}),
    ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to ? { to: new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000).toISOString() } : {}),
  };
  const audit = useInfiniteQuery({
    queryKey: ["audit", workspace.id, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/console/workspaces/{workspaceId}/audit", {
          params: { path: { workspaceId: workspace.id }, query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => (page.hasMore && page.cursor ? page.cursor : undefined),
  });
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const actions = audit.data?.pages[0]?.actions ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every management action from the dashboard, the CLI and the API: keys, members, sign-ins and subscription changes. Entries are never changed or deleted."
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select label="Action" placeholder="Any action" clearable data={actions} value={action} onChange={setAction} w={260} searchable />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ErrorAlert error={audit.error} title="Could not load the audit log" />
      {audit.isPending && <Loader aria-label="Loading the audit log" />}
      {audit.data && entries.length === 0 && <Text c="dimmed">No entries match.</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Details</Table.Th>
                <Table.Th scope="col">IP</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.createdAt)}</Table.Td>
                  <Table.Td>{actorText(entry)}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{detailsText(entry)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {entry.ip ?? "—"}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Button variant="default" mt="md" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
          Load older entries
        </Button>
      )}
    </>
  );
}
