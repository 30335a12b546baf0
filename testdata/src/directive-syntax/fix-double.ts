export const handler = async () => {
  `use server`; // want `template literal, is not a directive|written as a template literal`
  return 42;
};
