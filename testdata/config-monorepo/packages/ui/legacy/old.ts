'use sever';
