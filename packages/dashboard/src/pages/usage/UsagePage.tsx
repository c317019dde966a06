import { Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { OUTCOMES, UsageChart } from "./UsageChart";

/** Usage: requests per day by outcome, for the workspace or one key, from the usage counters. */
export function UsagePage() {
  const workspace = useWorkspace();
  const [days, setDays] = useState<"7" | "30" | "90">("30");
  const [keyId, setKeyId] = useState<string | null>(null);
  const query = { days: Number(days) as 7 | 30 | 90, ...(keyId ? { keyId } : {}) };
  const usage = useQuery({
    queryKey: ["usage", workspace.id, query],
    queryFn: () => unwrap(api.GET("/api/console/workspaces/{workspaceId}/usage", { params: { path: { workspaceId: workspace.id }, query } })),
    placeholderData: keepPreviousData,
  });
  const keys = useQuery({
    queryKey: ["keys", workspace.id, {}],
    queryFn: () => unwrap(api.GET("/api/console/workspaces/{workspaceId}/keys", { params: { path: { workspaceId: workspace.id }, query: {} } })),
  });
  const totals = OUTCOMES.map((outcome) => ({
    ...outcome,
    total: usage.data?.days.reduce((sum, day) => sum + day[outcome.key], 0) ?? 0,
  }));

  return (
    <>
      <PageHeader title="Usage" description="Requests made with this workspace's keys, per day (UTC). Counters are written every few seconds." />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="usage-range-label">
            Range
          </Text>
          <SegmentedControl
            aria-labelledby="usage-range-label"
            value={days}
            onChange={(value) => setDays(value === "7" || value === "90" ? value : "30")}
            data={[
              { value: "7", label: "7 days" },
              { value: "30", label: "30 days" },
              { value: "90", label: "90 days" },
            ]}
          />
        </Stack>
        <Select
          label="Key"
          placeholder="All keys"
          clearable
          w={300}
          value={keyId}
          onChange={setKeyId}
          data={(keys.data?.keys ?? []).map((key) => ({ value: key.id, label: `${key.name} (${key.hint})` }))}
        />
      </Group>
      <ErrorAlert error={usage.error} title="Could not load usage" />
      {usage.isPending && <Loader aria-label="Loading usage" />}
      {usage.data && (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {totals.map((outcome) => (
              <Paper key={outcome.key} withBorder p="sm" radius="md">
                <Text size="xs" c="dimmed">
                  {outcome.label}
                </Text>
                <Text fw={700} size="xl">
                  {outcome.total.toLocaleString("en")}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              Requests per day
            </Title>
            <UsageChart days={usage.data.days} />
          </Paper>
          <Title order={2} size="h4">
            Per key
          </Title>
          {usage.data.keys.length === 0 ? (
            <Text c="dimmed">No requests in this range yet. Call the API with one of your keys and come back in a few seconds.</Text>
          ) : (
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Key</Table.Th>
                  {OUTCOMES.map((outcome) => (
                    <Table.Th key={outcome.key} scope="col">
                      {outcome.label}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usage.data.keys.map((key) => (
                  <Table.Tr key={key.keyId}>
                    <Table.Td>
                      {key.name}{" "}
                      <Text span ff="monospace" size="xs" c="dimmed">
                        {key.hint}
                      </Text>
                    </Table.Td>
                    {OUTCOMES.map((outcome) => (
                      <Table.Td key={outcome.key}>{key[outcome.key].toLocaleString("en")}</Table.Td>
                    ))}
                    <Table.Td fw={600}>{key.total.toLocaleString("en")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </>
  );
}
