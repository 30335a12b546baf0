export const Ui = 1;
