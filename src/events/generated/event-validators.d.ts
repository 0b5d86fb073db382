// Types for the generated standalone ajv validators (event-validators.js).
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export const validateFeature: GeneratedValidator;
export const validateCollection: GeneratedValidator;
