// A type and a value of the same name: export default exports the value.
export type Step = "a" | "b";
const Step = () => null;
export default Step;
