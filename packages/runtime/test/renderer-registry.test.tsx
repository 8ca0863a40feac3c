// Formwork's stand-in for rjsf's default registry (src/renderer/registry, wired in by vite.config.ts, which these
// tests run under as the app is built): every name rjsf's registry has, each drawing what it drew before.
import { getDefaultRegistry as registryRjsfGets } from '@rjsf/core';
import rjsfDefaultRegistry from '@rjsf/core/lib/getDefaultRegistry.js';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import formworkRegistry, {
  lazyFields,
  lazyTemplates,
  lazyWidgets,
} from '../src/renderer/registry/getDefaultRegistry.js';
import { templates as themeTemplates, widgets as themeWidgets } from '../src/renderer/theme/index.js';

const ours = formworkRegistry();
const rjsfs = rjsfDefaultRegistry();
const keys = (o: object) => Object.keys(o).sort();
const lazy: { [kind: string]: { [name: string]: { load: () => Promise<ComponentType<never>> } } } = {
  fields: lazyFields,
  widgets: lazyWidgets,
  templates: lazyTemplates,
};

describe("Formwork's rjsf registry", () => {
  it('is the registry rjsf itself gets (the build points rjsf at it)', () => {
    expect(registryRjsfGets).toBe(formworkRegistry);
  });

  it('has every field, widget, template and button rjsf has, and the same settings', () => {
    expect(keys(ours.fields)).toEqual(keys(rjsfs.fields));
    expect(keys(ours.widgets)).toEqual(keys(rjsfs.widgets));
    expect(keys(ours.templates)).toEqual(keys(rjsfs.templates));
    expect(keys(ours.templates.ButtonTemplates)).toEqual(keys(rjsfs.templates.ButtonTemplates));
    expect(ours.globalFormOptions).toEqual(rjsfs.globalFormOptions);
    expect(ours.translateString).toBe(rjsfs.translateString);
  });

  it("draws each part with Formwork's theme where the theme replaces it, else with rjsf's own component", async () => {
    const theme: { [kind: string]: { [name: string]: unknown } } = {
      fields: {},
      widgets: themeWidgets,
      templates: themeTemplates,
    };
    for (const kind of ['fields', 'widgets', 'templates'] as const) {
      const mine = ours[kind] as { [name: string]: unknown };
      const theirs = rjsfs[kind] as { [name: string]: unknown };
      for (const name of keys(theirs)) {
        if (name === 'ButtonTemplates') continue;
        const expected = theme[kind]![name] ?? theirs[name];
        const part = lazy[kind]![name];
        // A part loaded on demand stands in for rjsf's component and loads exactly that component.
        if (part) expect(await part.load(), `${kind}.${name}`).toBe(expected);
        else expect(mine[name], `${kind}.${name}`).toBe(expected);
      }
    }
    for (const name of keys(rjsfs.templates.ButtonTemplates))
      expect(ours.templates.ButtonTemplates[name as 'AddButton']).toBe(
        themeTemplates.ButtonTemplates[name as 'AddButton'],
      );
  });

  it('gives a fresh registry each time (rjsf adds to the one it is given)', () => {
    const again = formworkRegistry();
    expect(again).not.toBe(ours);
    expect(again.fields).not.toBe(ours.fields);
    expect(again.templates.ButtonTemplates).not.toBe(ours.templates.ButtonTemplates);
  });
});
