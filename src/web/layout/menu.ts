import { can } from '../../core/auth/roles.ts';
import type { MenuGroup, ModulePage } from '../app/moduleTypes.ts';

export interface MenuEntry {
  path: string;
  label: string;
  icon: React.ReactNode;
}

export interface MenuSection {
  /** Null for entries shown above the groups (the home page). */
  group: MenuGroup | null;
  entries: MenuEntry[];
}

export const mayOpen = (page: ModulePage, roles: readonly string[]): boolean =>
  !page.permission || can(roles, page.permission);

/** The side menu for a user: the pages they may open, grouped and ordered; empty groups left out. */
export function buildMenu(pages: readonly ModulePage[], roles: readonly string[]): MenuSection[] {
  const sections = new Map<string, MenuSection & { order: number }>();
  const visible = pages
    .filter((page) => page.menu && mayOpen(page, roles))
    .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0));
  for (const page of visible) {
    const menu = page.menu!;
    const key = menu.group?.key ?? '';
    let section = sections.get(key);
    if (!section) {
      section = { group: menu.group ?? null, entries: [], order: menu.group?.order ?? -1 };
      sections.set(key, section);
    }
    section.entries.push({ path: `/${page.path}`, label: menu.label, icon: menu.icon });
  }
  return [...sections.values()].sort((a, b) => a.order - b.order).map(({ group, entries }) => ({ group, entries }));
}

/** The menu entry a location belongs to: the longest entry path that prefixes it. */
export function selectedEntry(sections: readonly MenuSection[], pathname: string): string | undefined {
  const paths = sections.flatMap((s) => s.entries.map((e) => e.path));
  return paths
    .filter((path) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
