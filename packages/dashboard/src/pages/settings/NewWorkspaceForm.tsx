import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { SESSION_QUERY_KEY } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { slugify } from "../auth/SetupPage";

/** Another workspace, owned by you; the dashboard switches to it. */
export function NewWorkspaceForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/console/workspaces", { body: { name, slug } })),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      navigate("/keys");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            New workspace
          </Title>
          <Text size="sm" c="dimmed">
            A separate set of keys, prompts and members, for another team or product.
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Workspace name"
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setSlug(slugify(e.currentTarget.value));
              }}
            />
            <TextInput label="Workspace slug" value={slug} onChange={(e) => setSlug(e.currentTarget.value)} />
            <Button type="submit" variant="light" loading={create.isPending} disabled={!name || !slug}>
              Create workspace
            </Button>
          </Group>
          <ErrorAlert error={create.error} title="Could not create the workspace" />
        </Stack>
      </form>
    </Paper>
  );
}
