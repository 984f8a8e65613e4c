export { Alert } from './Alert';
export { Button } from './Button';
export { EmptyState } from './EmptyState';
export { Loading } from './Loading';
export { Page } from './Page';
export { SelectField } from './SelectField';
export { TextAreaField } from './TextAreaField';
export { TextField } from './TextField';
