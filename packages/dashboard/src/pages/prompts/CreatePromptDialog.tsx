import { Button, Group, Modal, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useWorkspace } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { slugify } from "../auth/SetupPage";

export function CreatePromptDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [content, setContent] = useState("Hello {{name}}, welcome to {{product:string // the product name}}!");
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/console/workspaces/{workspaceId}/prompts", { params: { path: { workspaceId: workspace.id } }, body: { slug, title, content } })),
    onSuccess: async (prompt) => {
      await queryClient.invalidateQueries({ queryKey: ["prompts", workspace.id] });
      onClose();
      navigate(`/prompts/${prompt.slug}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New prompt" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTitle(value);
              setSlug(slugify(value));
            }}
          />
          <TextInput
            label="Slug"
            description={`Package name: @${workspace.slug}/${slug || "welcome"}`}
            required
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
          />
          <Textarea label="Content" required autosize minRows={4} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
          <ErrorAlert error={create.error} title="Could not create the prompt" />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!title || !slug || !content}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
