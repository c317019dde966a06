import { Badge, createTheme, defaultVariantColorsResolver, Modal, NavLink, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from "@mantine/core";

// Hues whose darkest shade still falls short of 4.5:1 on their own tint: their text goes near-black.
const PALE = new Set(["yellow", "lime", "orange", "green", "teal", "cyan"]);

/**
 * Text of `light` and `outline` badges, alerts and buttons in the darkest shade of their
 * color, so everything meets WCAG AA contrast (4.5:1); Mantine's defaults are a shade or
 * two too light for small text.
 */
const contrastVariantColors: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  if (input.variant !== "light" && input.variant !== "outline") return defaults;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return defaults;
  const text = PALE.has(parsed.color) ? "var(--mantine-color-dark-7)" : `var(--mantine-color-${parsed.color}-9)`;
  return { ...defaults, color: text, ...(input.variant === "outline" ? { border: `1px solid var(--mantine-color-${parsed.color}-7)` } : {}) };
};

/** Shade 8 of blue keeps white button text at 4.5:1; gray 7 does the same for secondary text. */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "md",
  respectReducedMotion: true,
  variantColorResolver: contrastVariantColors,
  components: {
    // The dialogs' × button is announced as what it does.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close dialog" } } }),
    // Badges say short, important things ("revoked"): never cut them to "REVO…" in a narrow column.
    // Light by default: white text on a mid-tone fill falls below 4.5:1 for most hues.
    Badge: Badge.extend({ defaultProps: { variant: "light" }, styles: { root: { flexShrink: 0 }, label: { overflow: "visible" } } }),
    // The current page is marked with a solid fill, readable whether hovered or not.
    NavLink: NavLink.extend({ defaultProps: { variant: "filled" } }),
  },
});

export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)", "--mantine-color-placeholder": "var(--mantine-color-gray-6)" },
  dark: {},
});
