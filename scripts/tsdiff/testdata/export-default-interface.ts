// export default interface exports a type named default.
export default interface Props {
  a: string;
}
