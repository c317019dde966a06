import { Stack, Text } from "@mantine/core";
import { CopyField } from "../../components/CopyField";

/** The first call to make with a key: the health check, which needs any valid key. */
export function CurlExample() {
  const command = `curl -H "Authorization: Bearer $KEYWARD_API_KEY" ${window.location.origin}/v1/health`;
  return (
    <Stack gap={4}>
      <Text size="sm">
        Test it: put the key in <code>KEYWARD_API_KEY</code> and call the health check. A working key answers{" "}
        <code>{'{"status":"ok"}'}</code>.
      </Text>
      <CopyField value={command} label="curl command" />
    </Stack>
  );
}
