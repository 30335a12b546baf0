// export import A = N.x exports A.
namespace N {
  export const x = 1;
}
export import A = N.x;
