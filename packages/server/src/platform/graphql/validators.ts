import { Field, ID } from 'type-graphql';
import { isEmail, IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';

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

/** An `ID!` input field that must be a UUID: the one shape every id in Alany's inputs has. */
export function IdField(options: { description?: string } = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => ID, options)(target, property);
    IsUUID('all', { message: 'Not a valid id.' })(target, property);
  };
}
