"use server";

// export = gives the module's value: a default import receives it.
function helper() {
  return 1;
}

export = helper; // want `the default export is a function that is not async`

export default interface Props {
  id: string;
}
