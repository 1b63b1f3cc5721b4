// @next/mdx with the App Router needs this file; the host suite adds no components.
export function useMDXComponents(components) {
  return components;
}
