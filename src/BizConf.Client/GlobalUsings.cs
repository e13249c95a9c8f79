// The namespaces nearly every file of the client uses, named once for the project instead of at the top of each.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
