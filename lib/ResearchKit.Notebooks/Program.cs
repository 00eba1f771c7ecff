Console.WriteLine("runner placeholder");
