// Plan settings (tasks.config.yaml, schemas/config.schema.json) and their defaults.

export interface Roster {
  leads: string[];
  units: string[];
  /** in a roll-up: the offices whose plans it reads, in the order the settings list them */
  offices?: string[];
}

/** A plan a roll-up reads: a folder, or a git remote fetched read-only. */
export interface PlanRef {
  office: string;
  path?: string;
  url?: string;
  branch?: string;
}

export interface Config {
  title: string;
  year: number | undefined;
  lang: 'zh' | 'en';
  timezone: string;
  warning_days: number;
  behind_tolerance: number;
  commit: boolean;
  table_border: 'box' | 'ascii';
  roster: Roster;
  /** in a roll-up, the office of this plan's own tasks */
  office?: string;
  plans?: PlanRef[];
}

export const DEFAULT_CONFIG: Config = {
  title: '',
  year: undefined,
  lang: 'zh',
  timezone: 'Asia/Shanghai',
  warning_days: 10,
  behind_tolerance: 10,
  commit: true,
  table_border: 'box',
  roster: { leads: [], units: [] },
};

/** Settings read from the file, over the defaults. */
export function withDefaults(raw: Partial<Omit<Config, 'roster'>> & { roster?: Partial<Roster> }): Config {
  return {
    ...DEFAULT_CONFIG,
    ...raw,
    roster: { leads: raw.roster?.leads ?? [], units: raw.roster?.units ?? [] },
  };
}
