// Deliberately wrong: the contract may import only zod.
import { useState } from "react";

export const probe = useState;
