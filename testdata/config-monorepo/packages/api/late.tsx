import { useState } from 'react';
'use client';

export function Late() {
  return useState(0);
}
