import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Usage } from "../../api/types";

/** Outcomes in stack order, with colors that stay apart for common color-vision differences. */
export const OUTCOMES = [
  { key: "success", label: "Success", color: "#2f9e44" },
  { key: "unauthorized", label: "401 Unauthorized", color: "#e8590c" },
  { key: "forbidden", label: "403 Forbidden", color: "#9c36b5" },
  { key: "rateLimited", label: "429 Rate limited", color: "#1971c2" },
  { key: "other", label: "Other errors", color: "#868e96" },
] as const;

export function UsageChart({ days }: { days: Usage["days"] }) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      <BarChart data={days} margin={{ top: 8, right: 16, left: 0, bottom: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(date: string) => date.slice(5)} minTickGap={16} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {OUTCOMES.map((outcome) => (
          <Bar key={outcome.key} dataKey={outcome.key} name={outcome.label} stackId="requests" fill={outcome.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
