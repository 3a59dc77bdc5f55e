// Types mirroring the sikgu HTTP API contract (v1).

export type Lang = 'ko' | 'en';

export interface User {
  id: string;
  username: string;
  nickname: string;
  email: string;
  email_verified: boolean;
  created_at: string;
  providers: string[];
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  user: User;
}

export interface SignupResponse {
  user: User;
  verification: { email: string; expires_at: string };
}

export type AvailabilityField = 'username' | 'nickname' | 'email';

export interface AvailabilityResponse {
  field: AvailabilityField;
  value: string;
  available: boolean;
  reason?: string;
}

export interface FieldProblem {
  field: string;
  code: string;
  detail?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldProblem[];
}

export type Category = 'leaf' | 'flower' | 'fruit' | 'succulent';
export type Difficulty = 'beginner' | 'experienced' | 'expert';
export type Light = 'low' | 'medium' | 'high';
export type Watering = 'wet' | 'moist' | 'surface_dry' | 'mostly_dry';
export type GrowthSpeed = 'fast' | 'normal' | 'slow';
export type Placement = 'dark_indoor' | 'living_inner' | 'living_window' | 'balcony_inner' | 'balcony_window';

export interface PlantSummary {
  id: string;
  name_ko: string;
  name_en: string | null;
  scientific_name: string | null;
  family_ko: string | null;
  categories: string[];
  difficulty: string | null;
  light: string[];
  pet_safe: boolean | null;
  image_url: string | null;
}

export interface Range {
  min: number | null;
  max: number | null;
}

/** height_cm / spread_cm are not pinned down by the contract: accept a number, a range or text. */
export type Size = number | string | Range | null;

export interface PlantDetail extends PlantSummary {
  watering: { spring: string | null; summer: string | null; autumn: string | null; winter: string | null } | null;
  temperature_c: Range | null;
  humidity_pct: Range | null;
  winter_min_c: number | null;
  growth_speed: string | null;
  height_cm: Size;
  spread_cm: Size;
  placement: string[];
  toxicity_note: string | null;
  care_tip: string;
  care_tip_en: string | null;
  source: string;
}

export interface PlantPage {
  items: PlantSummary[];
  next_cursor: string | null;
}

export interface MailItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  sent_at: string;
}
