import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

/** An e-mail address as people paste it: surrounding spaces are forgiven (the service trims them). */
export function IsEmailAddress(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName,
      options: { message: 'Enter a valid e-mail address.', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isEmail(value.normalize('NFKC').trim()),
      },
    });
  };
}
