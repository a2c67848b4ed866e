import { transformerStyleToClass } from '@shikijs/transformers';
import { codeToHtml } from 'shiki';
import type { CodeSample } from '@/lib/content';
import { CopyButton } from './CopyButton';

// Highlighted at build time; the page ships HTML with both themes' colours as CSS variables,
// and the dark theme switches them with the `dark` class. No highlighter reaches the browser.
// Each token's colours become a class (one small stylesheet per block) rather than an inline
// style on every token: the page's HTML and its React payload carry each colour pair once.
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

export async function CodeBlock({ sample }: { sample: CodeSample }) {
  const toClass = transformerStyleToClass({ classPrefix: 'hl-' });
  const code = await codeToHtml(sample.code, { lang: sample.language, themes: THEMES, defaultColor: 'light', transformers: [toClass] });
  const html = `<style>${toClass.getCSS()}</style>${code}`;
  return (
    <figure className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-50 px-4 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="text-sm">
          <span className="font-mono font-semibold">{sample.filename}</span>
          <span className="text-zinc-600 dark:text-zinc-400">
            {' '}
            · {sample.role} · {sample.library}
          </span>
        </span>
        <CopyButton text={sample.code} filename={sample.filename} />
      </figcaption>
      <div
        data-testid={`code-${sample.id}`}
        className="text-[0.8125rem] leading-relaxed [&_pre]:overflow-x-auto [&_pre]:p-4 dark:[&_.shiki]:bg-(--shiki-dark-bg)! dark:[&_.shiki]:text-(--shiki-dark)! dark:[&_.shiki_span]:text-(--shiki-dark)!"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <p className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        Shows: {sample.notes.join(' · ')}
      </p>
    </figure>
  );
}
