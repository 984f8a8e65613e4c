import { createContext, useContext } from 'react';

/** What a Field tells the Form around it: enough for the error summary to name and reach it. */
export interface FieldEntry {
  /** The id of the control (or, for a group, of its first control) that a summary link focuses. */
  id: string;
  label: string;
}

export interface FormState {
  register(name: string, entry: FieldEntry): () => void;
  /** Problems the form found itself before sending, by field name. */
  clientErrors: Partial<Record<string, string>>;
}

export const FormContext = createContext<FormState | null>(null);

export const useFormState = () => useContext(FormContext);
