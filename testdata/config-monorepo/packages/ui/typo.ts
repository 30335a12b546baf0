'use sever';

export const typo = 1;
