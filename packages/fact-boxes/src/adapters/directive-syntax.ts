/**
 * Whether a remark pipeline reads directives: remark-directive, this copy or
 * another, attached or with its syntax registered. The remark plugin adds it
 * when missing, and the Astro integration never adds it twice.
 */
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';

type MicromarkExtension = { text?: Record<number, unknown> };

/** Whether a plugin is remark-directive: this copy, another copy (by its function's name), or its package name in a config. */
export function isRemarkDirective(plugin: unknown): boolean {
  return plugin === remarkDirective || plugin === 'remark-directive' || (typeof plugin === 'function' && plugin.name === 'remarkDirective');
}

/** Whether a micromark extension is remark-directive's syntax (any copy of it). */
export function isDirectiveExtension(extension: unknown): boolean {
  const construct = (extension as MicromarkExtension | undefined)?.text?.[58];
  const constructs = Array.isArray(construct) ? construct : [construct];
  // micromark-extension-directive's text construct has no `name`; its tokenizer has one.
  return constructs.some((item) => {
    const construct = item as { name?: string; tokenize?: { name?: string } } | undefined;
    return construct?.name === 'directiveText' || construct?.tokenize?.name === 'tokenizeDirectiveText';
  });
}

/** Whether a processor reads directives: remark-directive's syntax is registered, or remark-directive is attached. */
export function hasDirectiveSyntax(processor: Processor): boolean {
  const data = processor.data() as { micromarkExtensions?: unknown[] };
  if ((data.micromarkExtensions ?? []).some(isDirectiveExtension)) return true;
  // A remark-directive attached later in the chain (even another copy of it) registers the syntax itself.
  const attachers = (processor as unknown as { attachers?: [unknown, ...unknown[]][] }).attachers ?? [];
  return attachers.some(([attacher]) => isRemarkDirective(attacher));
}
